using System.Globalization;
using Chamber.Workflows.Json;

namespace Chamber.Workflows.Tests.Localization;

public sealed class EngineMessageLanguageTests
{
    [Theory]
    [InlineData("zh-CN",
        "root 处的环节缺少类型（type）",
        "流程定义无效：环节“set”（Elsa.SetVariable）设置的变量“Missing”未在流程中声明")]
    [InlineData("en",
        "The activity at root has no 'type'.",
        "The workflow definition is not valid: Elsa.SetVariable 'set' sets variable 'Missing', which the workflow does not declare.")]
    public void An_invalid_definition_is_explained_in_the_readers_language(string culture, string formatMessage, string validationMessage)
    {
        var before = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);

            var format = Assert.Throws<DefinitionFormatException>(() => TestEngine.Reader.Read("""{"definitionId":"x","root":{"id":"r"}}"""));
            var validation = Assert.Throws<DefinitionValidationException>(() => TestEngine.Compile("""
                {"definitionId":"x","root":{"type":"Elsa.Flowchart","id":"flow","activities":[
                  {"id":"set","type":"Elsa.SetVariable","variable":{"id":"var-missing","name":"Missing","typeName":"Int32"}}]}}
                """));

            Assert.Equal(formatMessage, format.Message);
            Assert.Equal(validationMessage, validation.Message);
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }
}
