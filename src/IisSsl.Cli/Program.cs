using IisSsl.Cli;

return IisSslCli.Run(args, Console.Out, Console.Error);
