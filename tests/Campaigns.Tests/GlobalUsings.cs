// The namespaces most of this project's tests use.
global using System.Text;
global using Chamber.Campaigns.Chambers;
global using Xunit;
