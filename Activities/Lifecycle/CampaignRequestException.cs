using System.Text;
using System.Text.Json;
using Chamber.Campaigns.Persistence;
using Chamber.Campaigns.Tasks;
using Chamber.Workflows.Persistence;
using Chamber.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;

namespace Chamber.Campaigns.Lifecycle;

/// <summary>The campaign could not be created as asked; the message says why.</summary>
public sealed class CampaignRequestException(string message) : Exception(message);
