using Chamber.Campaigns.Calendar;
using Chamber.Workflows;
using Chamber.Workflows.Persistence;
using Chamber.Workflows.Persistence.Migrations;
using Chamber.Workflows.Timers;
using Microsoft.Extensions.DependencyInjection;

namespace Chamber.Campaigns;

public static class CampaignsModule
{
    /// <summary>The campaign module: the Chinese business calendar and its table, and the e-mail activity, the chamber directory.</summary>
    public static IServiceCollection AddCampaigns(this IServiceCollection services)
    {
        services.AddSingleton<BusinessCalendarService>();
        services.AddSingleton<CalendarDeadlines>();
        services.AddActivity<Email.SendEmail>();
        services.AddActivity<Tasks.SignOff>();
        services.AddActivity<Tasks.ReviseDocuments>();
        services.AddSingleton<Tasks.TaskIndex>();
        services.AddSingleton<Tasks.TaskInbox>();
        services.AddSingleton<Tasks.TaskFiles>();
        services.AddActivity<Submissions.RequestSubmission>();
        services.AddActivity<Reviews.RubricReview>();
        services.AddActivity<Outcomes.Commend>();
        services.AddActivity<Outcomes.Rectify>();
        services.AddActivity<Meetings.ProgressMeeting>();
        services.AddActivity<Meetings.CampaignMeeting>();
        services.AddSingleton<Meetings.CampaignMeetings>();
        services.AddActivity<Outcomes.CommendationList>();
        services.AddActivity<Lifecycle.ForEachParticipant>();
        services.AddSingleton<Submissions.SubmissionFiles>();
        services.AddDetachedTimer<Submissions.SubmissionReminders>();
        services.AddOptions<Escalations.LeaderDigestOptions>();
        services.AddScheduledWork<Escalations.LeaderDigest>();
        services.AddSingleton<Email.EmailTemplates>();
        services.AddOptions<Portal.PortalOptions>();
        // Portal links are signed with the host's key ring; the Host names and persists it (a host
        // without one gets an ephemeral ring, whose links die with it).
        services.AddDataProtection();
        services.AddSingleton<Portal.PortalLinks>();
        services.AddSingleton<Portal.ChamberPortal>();
        services.AddSingleton<Lifecycle.CampaignTemplates>();
        services.AddSingleton<Lifecycle.CampaignService>();
        services.AddSingleton<Lifecycle.CampaignQueries>();
        services.AddSingleton<Lifecycle.CampaignTimeline>();
        services.AddSingleton<Lifecycle.CampaignDocuments>();
        services.AddSingleton<Evidence.RubricEvidence>();
        services.AddSingleton<Lifecycle.DemonstrationUnits>();
        services.AddSingleton<Lifecycle.CampaignDistricts>();
        services.AddSingleton<Lifecycle.CampaignTree>();
        services.AddSingleton<Lifecycle.ParticipantChaser>();
        services.AddSingleton<Lifecycle.CampaignLauncher>();
        services.AddHostedService(sp => sp.GetRequiredService<Lifecycle.CampaignLauncher>());
        services.AddSingleton<Lifecycle.ParticipantClosing>();
        services.AddHostedService(sp => sp.GetRequiredService<Lifecycle.ParticipantClosing>());
        services.AddActivity<Cascade.CascadeCampaign>();
        services.AddActivity<Cascade.ReportUpward>();
        services.AddSingleton<Cascade.UpwardReports>();
        services.AddHostedService(sp => sp.GetRequiredService<Cascade.UpwardReports>());
        services.AddSingleton<Stopping.CampaignStopper>();
        services.AddHostedService(sp => sp.GetRequiredService<Stopping.CampaignStopper>());
        services.AddSingleton<Mailings.IParticipantLetters, Stopping.CampaignStopLetters>();
        services.AddSingleton<Lifecycle.CampaignProgressRecorder>();
        services.AddHostedService(sp => sp.GetRequiredService<Lifecycle.CampaignProgressRecorder>());
        services.AddSingleton<Meetings.MeetingCancellationSender>();
        services.AddHostedService(sp => sp.GetRequiredService<Meetings.MeetingCancellationSender>());
        services.AddSingleton<Mailings.IParticipantLetters, Meetings.MeetingLetters>();
        services.AddActivity<Notices.DraftNotice>();
        services.AddActivity<Notices.PublishNotice>();
        services.AddActivity<Notices.PublicityPeriod>();
        services.AddSingleton<Notices.CampaignNotices>();
        services.AddSingleton<Honours.CampaignHonours>();
        services.AddActivity<Honours.HonoursShortlist>();
        services.AddSingleton<Titles.ChamberTitles>();
        services.AddSingleton<Reviews.RubricCatalog>();
        services.AddSingleton<Ledgers.ChamberLedgers>();
        services.AddActivity<Titles.RecheckTitle>();
        services.AddSingleton<Mailings.IParticipantLetters, Notices.NoticeLetters>();
        services.AddSingleton<Mailings.ParticipantMailer>();
        services.AddHostedService(sp => sp.GetRequiredService<Mailings.ParticipantMailer>());
        services.AddPooledDbContextFactory<Persistence.CampaignDbContext>((sp, db) =>
            db.UseConfiguredStorage(sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<StorageOptions>>().Value));
        services.AddSingleton<Chambers.ChamberDirectory>();
        services.AddSingleton(new MigrationSource("activities", typeof(CampaignsModule).Assembly));
        return services;
    }
}
