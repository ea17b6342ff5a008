using System.Text;
using System.Text.Json;
using Chamber.Campaigns.Persistence;
using Chamber.Campaigns.Tasks;
using Chamber.Workflows.Persistence;
using Chamber.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;

namespace Chamber.Campaigns.Lifecycle;

/// <summary>An open task of the campaign's own workflow.</summary>
public sealed record CampaignTask(string Stage, string Kind, string Title, string Assignee, DateTimeOffset? DueAt);
