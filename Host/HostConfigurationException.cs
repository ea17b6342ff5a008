namespace Chamber.Host;

/// <summary>
/// The Host was configured in a way it refuses to start with; the message says what to do. The
/// entry point prints it as one line and exits with code 2 instead of a stack trace.
/// </summary>
public sealed class HostConfigurationException(string message) : Exception(message);
