using System.Data.Common;

namespace Chamber.Workflows.Persistence;

/// <summary>Provider-neutral parameters for the plain SQL the stores and migrations run.</summary>
public static class DbCommandExtensions
{
    public static DbCommand AddParameter(this DbCommand command, string name, object? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
        return command;
    }
}
