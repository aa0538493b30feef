using System.Text;
using IisSsl.Cli;

BatchCollection.DeferUntilBudgetSpent();

// Console.Out flushes on every write; a report of tens of thousands of rows wants one buffered stream.
var encoding = Console.OutputEncoding.CodePage == Encoding.UTF8.CodePage ? new UTF8Encoding(false) : Console.OutputEncoding;
using var stdout = new StreamWriter(Console.OpenStandardOutput(), encoding, bufferSize: 64 * 1024) { AutoFlush = false };
var exitCode = IisSslCli.Run(args, stdout, Console.Error);
stdout.Flush();
return exitCode;
