// SHIM, never shipped: the Serilog 4.3 static Log members the components use (src/Serilog/Log.cs), recording
// events for the tests instead of writing them.
#pragma warning disable CA1716, CA1720, CS1591

using Serilog.Events;

namespace Serilog.Events
{
    public enum LogEventLevel
    {
        Verbose,
        Debug,
        Information,
        Warning,
        Error,
        Fatal,
    }
}

namespace Serilog
{
    public static class Log
    {
        public static List<(LogEventLevel Level, string Template, object?[] Values)> Recorded { get; } = [];

        public static void Write(LogEventLevel level, string messageTemplate, params object?[]? propertyValues) =>
            Recorded.Add((level, messageTemplate, propertyValues ?? []));

        public static void Information(string messageTemplate, params object?[]? propertyValues) =>
            Write(LogEventLevel.Information, messageTemplate, propertyValues);

        public static void Warning(string messageTemplate, params object?[]? propertyValues) =>
            Write(LogEventLevel.Warning, messageTemplate, propertyValues);

        public static void Error(string messageTemplate, params object?[]? propertyValues) =>
            Write(LogEventLevel.Error, messageTemplate, propertyValues);
    }
}
