using Chamber.Campaigns.Submissions;
using Chamber.Host.Errors;
using Chamber.Workflows.Localization;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Chamber.Host.Submissions;

/// <summary>Files sent as multipart/form-data (a chamber's submission, a campaign's documents), read within the upload limit.</summary>
public static class UploadForms
{
    /// <summary>The form, or why it is refused: not multipart, larger than the limit, malformed.</summary>
    public static async Task<(IFormCollection? Form, ProblemHttpResult? Problem)> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (!request.HasFormContentType)
            return (null, Problems.BadRequest(ReaderText.Of("请以 multipart/form-data 上传（字段 files）", "Send the files as multipart/form-data in the field 'files'.")));
        if (request.ContentLength > SubmissionFiles.MaxUploadBytes)
        {
            return (null, Problems.BadRequest(ReaderText.Of($"一次上传不超过 {SubmissionFiles.MaxUploadBytes / (1024 * 1024)} MB",
                $"At most {SubmissionFiles.MaxUploadBytes / (1024 * 1024)} MB per upload.")));
        }

        try
        {
            return (await request.ReadFormAsync(cancellationToken), null);
        }
        catch (InvalidDataException e)
        {
            return (null, Problems.BadRequest(ReaderText.Of("上传内容格式错误：", "The upload is not valid multipart/form-data: ") + e.Message));
        }
    }

    /// <summary>The form's files, each read only once its declared length has been checked.</summary>
    public static List<FileUpload> Uploads(IFormCollection form) => [.. form.Files.Select(file => new FileUpload(file.FileName, file.Length, async cancellationToken =>
    {
        using var buffer = new MemoryStream((int)file.Length);
        await file.CopyToAsync(buffer, cancellationToken);
        return buffer.ToArray();
    }))];
}
