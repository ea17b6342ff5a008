// The namespaces most of this project's tests use.
global using System.Net;
global using System.Net.Http.Json;
global using System.Text;
global using System.Text.Json;
global using Chamber.Workflows.Persistence;
global using Chamber.Workflows.Runtime;
global using Xunit;
