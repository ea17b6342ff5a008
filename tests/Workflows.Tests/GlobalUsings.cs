// The namespaces most of this project's tests use.
global using Chamber.Workflows.Definitions;
global using Chamber.Workflows.Runtime;
global using Xunit;
