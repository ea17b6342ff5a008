using Chamber.Campaigns.Calendar;
using Chamber.Campaigns.Lifecycle;
using Chamber.Campaigns.Chambers;
using Chamber.Campaigns.Email;
using Chamber.Campaigns.Reviews;
using Chamber.Workflows.Expressions;
using Chamber.Workflows.Model;
using Chamber.Workflows.Runtime;
using Microsoft.Extensions.DependencyInjection;

namespace Chamber.Campaigns.Outcomes;

/// <summary>A chamber's commendation, as the campaign's list of honours shows it.</summary>
public sealed record Commendation(string ChamberId, string Chamber, string Honour, decimal Total, DateOnly Date);
