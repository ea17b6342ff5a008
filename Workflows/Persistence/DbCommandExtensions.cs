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

    /// <summary>
    /// One parameter per value (<paramref name="prefix"/>0, <paramref name="prefix"/>1, …), returned as
    /// the list to put inside <c>IN (…)</c>.
    /// </summary>
    public static string AddParameterList(this DbCommand command, string prefix, IEnumerable<object?> values) =>
        string.Join(", ", values.Select((value, i) =>
        {
            var name = prefix + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            command.AddParameter(name, value);
            return name;
        }));
}
