namespace IisSsl.Execution;

/// <summary>A change to the server failed while applying (not a user input mistake): apply rolls back and says so.</summary>
public sealed class ExecutionFailedException(string message, Exception? inner = null) : Exception(message, inner);
