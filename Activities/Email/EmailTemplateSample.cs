namespace Chamber.Campaigns.Email;

/// <summary>
/// Every field any template receives (see definitions/email-templates/README.md), with
/// believable values: a changed template is tried with it before it is stored, and the editor
/// previews with it.
/// </summary>
public static class EmailTemplateSample
{
    public static Dictionary<string, object?> Model(string language = MessageLanguage.Chinese) => new()
    {
        ["chamber"] = "鹿城区五马街道商会",
        ["campaign"] = "2026年度“四好”商会创建活动",
        ["title"] = "贯彻落实意见（实施方案）",
        ["description"] = "请对照《“四好”商会评价细则》制定本会实施方案。",
        ["dueDate"] = "2026年4月30日",
        ["dueDateEn"] = "30 Apr 2026",
        ["dueWeekday"] = "星期四",
        ["dueWeekdayEn"] = "Thursday",
        ["workingDaysLeft"] = 3,
        ["overdueWorkingDays"] = 0,
        ["overdue"] = false,
        ["link"] = "https://fic.example/portal/sample-token",
        ["feedback"] = "请补充季度推进会安排。",
        ["note"] = "请于本周内提交。",
        ["sender"] = language == MessageLanguage.English ? "Member Department" : "工商联会员部",
        ["participant"] = language == MessageLanguage.English ? "chamber" : "商会",
        ["reviewTerm"] = language == MessageLanguage.English ? "inspection and assessment" : "督查考核",
        ["you"] = language == MessageLanguage.English ? "your chamber" : "贵会",
        ["You"] = language == MessageLanguage.English ? "Your chamber" : "贵会",
        ["approvers"] = "李副主席",
        ["round"] = 1,
        ["maxRounds"] = 2,
        ["total"] = 72.5,
        ["passLine"] = 80,
        ["items"] = new[] { "组织建设：理事会未按期换届", "制度建设：财务制度不健全" },
        ["honour"] = "“四好”商会",
        ["number"] = "温工商联〔2026〕12号",
        ["issuer"] = "温州市工商业联合会",
        ["decision"] = true,
        ["participants"] = 20,
        ["commendedCount"] = 16,
        ["names"] = new[] { "鹿城区五马街道商会", "温州市服装商会" },
        ["more"] = 14,
        ["rectifying"] = 3,
        ["notPassed"] = 1,
        ["verb"] = "表彰",
        ["verbEn"] = "commendation",
        ["passed"] = 18,
        ["namedCount"] = 15,
        ["quota"] = 15,
        ["validUntil"] = "2029年12月31日",
        ["validUntilEn"] = "31 Dec 2029",
        ["reason"] = "复核得分 72.5 分，低于 80 分的认定标准",
        ["reasonEn"] = "the re-check scored 72.5 points, below the pass line of 80",
        ["meetingDate"] = "2026年6月25日",
        ["meetingDateEn"] = "25 Jun 2026",
        ["meetingWeekday"] = "星期四",
        ["meetingWeekdayEn"] = "Thursday",
        ["meetingTime"] = "14:30",
        ["location"] = "市工商联三楼会议室",
        ["replyDue"] = "2026年6月22日",
        ["replyDueEn"] = "22 Jun 2026",
        ["name"] = "王主席",
        ["federation"] = "鹿城区工商联",
        ["parentCampaign"] = "2026年度市级创建活动",
        ["launched"] = false,
        ["minutes"] = 60,
        ["count"] = 2,
        ["date"] = "2026年5月7日",
        ["sentOn"] = "2026年5月7日",
        ["sentOnEn"] = "7 May 2026",
        ["dateEn"] = "7 May 2026",
        ["matters"] = new[]
        {
            new Dictionary<string, object?>
            {
                ["campaign"] = "2026年度“四好”商会创建活动", ["chamber"] = "鹿城区五马街道商会", ["approvers"] = "", ["title"] = "贯彻落实意见（实施方案）",
                ["dueDate"] = "2026年4月30日", ["dueDateEn"] = "30 Apr 2026", ["overdueWorkingDays"] = 4,
            },
            new Dictionary<string, object?>
            {
                ["campaign"] = null, ["chamber"] = null, ["approvers"] = "李副主席", ["title"] = "2026年四好商会创建活动实施方案审批",
                ["dueDate"] = "2026年4月30日", ["dueDateEn"] = "30 Apr 2026", ["overdueWorkingDays"] = 4,
            },
        },
    };
}
