// Simplified Chinese, the default. Keys are shared with en.ts (checked by i18n.test.ts).
const zh = {
  app: { name: '商会创建活动工作流', short: '创建活动' },
  nav: { calendar: '工作日历', rubrics: '考核细则', designer: '流程设计', dashboard: '工作台', campaigns: '创建活动', inbox: '我的待办', chambers: '商会名录', users: '用户与角色', outbox: '邮件发送', emailTemplates: '邮件模板', signOut: '退出登录', language: 'English' },
  rehearsal: { banner: '演练模式：系统时间为模拟时间 {{time}}（北京时间），提醒和截止都按此计算。' },
  signIn: { title: '登录', email: '邮箱', password: '密码', submit: '登录', failed: '登录失败' },
  common: {
    loading: '加载中…', save: '保存', cancel: '取消', submit: '提交', refresh: '刷新', search: '搜索', all: '全部', none: '无', yes: '是', no: '否',
    due: '截止', overdue: '已逾期', daysLeft: '还剩 {{count}} 天', comment: '意见', actions: '操作', status: '状态', name: '名称', done: '已完成',
    export: '导出 Excel', error: '出错了',
  },
  status: {
    pending: '待提交', overdue: '已逾期', submitted: '待审核', reviewing: '考核中', running: '进行中', finished: '已完成', faulted: '出错', 'not-launched': '未启动',
    Draft: '草稿', Launching: '启动中', Running: '进行中',
  },
  outcome: { commended: '表彰', rectifying: '整改中', 'not-passed': '未达标', none: '尚无结果' },
  dashboard: {
    title: '工作台', campaigns: '进行中的活动', participants: '参加单位', overdue: '逾期单位', myTasks: '我的待办', funnel: '各环节进度',
    outcomes: '考核结果', noCampaign: '还没有活动，先创建一个。', pending: '待提交', submitted: '待审核', accepted: '已通过',
    longestOverdue: '逾期最久的单位', allOverdue: '全部 {{total}} 家逾期单位 →', daysOverdue: '逾期天数',
  },
  campaigns: {
    title: '创建活动', create: '新建活动', launch: '启动', launched: '已启动 {{launched}} / {{total}}', year: '年度', template: '模板', participants: '参加单位',
    leaders: '督办领导（邮箱）', reviewers: '审核人', planApprovers: '方案签批人（可选）', stages: '各环节', chamber: '商会', district: '所属区',
    stage: '当前环节', reached: '已完成环节', score: '得分', outcome: '结果', round: '轮次', filterStatus: '按状态筛选',
    schedule: '截止日期', scheduleHint: '按模板和工作日历提出，可修改', pickAll: '全部商会', created: '活动已创建', launchStarted: '活动正在启动',
    filterOutcome: '按结果筛选', searchChamber: '商会名称', total: '共 {{total}} 家',
    chasePicked: '催办所选（{{count}}）', chaseOverdue: '催办全部逾期', chaseTitle: '催办', chaseSend: '发送催办邮件',
    chaseSome: '向所选的 {{count}} 家商会中尚未报送的发送催办邮件（每项每天最多一次）。', chaseAllOverdue: '向所有已逾期未报送的商会发送催办邮件（每项每天最多一次）。',
    chaseNote: '留言（可选），会写进邮件', chased: '已催办 {{chased}} 家；今天已催办过、未重复发送 {{alreadyChasedToday}} 家；没有待报送事项 {{nothingToSubmit}} 家。',
    importHere: '导入名录并选中', importedPicked: '已导入并选中 {{count}} 家商会',
    campaignTasks: '活动流程待办', wizardSteps: { template: '选择模板', schedule: '日期', participants: '参加单位', people: '人员' },
  },
  inbox: {
    title: '我的待办', open: '待办', done: '已办', empty: '没有待办事项', task: '事项', kind: '类型', received: '收到时间', answer: '办理',
    approve: '同意', reject: '驳回', return: '退回', transfer: '转交', addSigner: '加签', accept: '通过', score: '评分', attended: '出席', absent: '缺席',
    target: '转交 / 加签给（邮箱）', commentRequired: '驳回或退回时请填写意见', noFiles: '没有提交文件', fileSize: '{{size}} KB', files: '材料', vetoes: '否决项', total: '合计', passLine: '及格线',
    kinds: { SignOff: '审批', CheckSubmission: '审核材料', RubricReview: '考核评分', MeetingRecord: '会议记录', Submission: '报送' },
    answered: '已办理', mode: '审批方式', modes: { all: '会签（全部同意）', any: '或签（一人同意即可）', sequential: '依次审批' },
  },
  portal: {
    title: '材料报送', welcome: '{{chamber}}，您好', items: '待报送事项', none: '目前没有需要报送的材料，谢谢！', upload: '选择文件', submit: '提交材料',
    feedback: '退回意见', round: '第 {{round}} 次报送', submitted: '已提交，等待审核', limits: '可上传 {{types}}，单个文件不超过 {{size}} MB，最多 {{count}} 个',
    sent: '已提交材料', sentAt: '{{time}}（北京时间）提交', receipt: { submitted: '待审核', accepted: '已通过', returned: '已退回' },
    invalid: '链接无效或已过期，请使用最新邮件中的链接，或联系工商联会员部。', comment: '说明（可选）',
  },
  chambers: { title: '商会名录', import: '导入名录（CSV / Excel）', imported: '导入 {{rows}} 行：新增 {{created}}，更新 {{updated}}', rowErrors: '以下行未导入', contact: '联系人', email: '邮箱', phone: '电话', type: '类型', members: '会员数', portalLink: '门户链接' },
  users: { title: '用户与角色', create: '新建用户', email: '邮箱', displayName: '姓名', roles: '角色', disabled: '停用', password: '初始密码', enable: '启用', disable: '停用' },
  roles: { admin: '管理员', staff: '会员部工作人员', leader: '领导', reviewer: '考核人' },
  designer: {
    title: '流程设计', definitions: '流程定义', open: '设计', newDefinition: '新建流程', definitionId: '流程标识', palette: '环节', properties: '属性',
    undo: '撤销', redo: '重做', layout: '自动布局', saveDraft: '保存草稿', publish: '发布', versions: '版本', import: '导入 JSON', export: '导出 JSON',
    saved: '已保存草稿（第 {{version}} 版）', published: '已发布第 {{version}} 版', invalid: '请先修正以下问题', unknownType: '未知的环节类型', activityId: '环节标识',
    required: '必填', selectHint: '选择一个环节查看属性；从左侧拖入新环节，从右侧端口连线。', latest: '最新', draft: '草稿', publishedTag: '已发布',
    instance: '流程实例', journal: '执行记录', incidents: '异常', retry: '重试', noIncidents: '没有异常', myTask: '我在此环节的待办', states: { finished: '已完成', current: '进行中', faulted: '出错' },
    openInstance: '查看流程图',
  },
  calendar: {
    title: '工作日历', upload: '导入年度日历（JSON）', holidays: '放假天数', workdays: '调休上班天数', source: '来源', byAdmin: '管理员导入',
    saved: '{{year}} 年日历已导入：放假 {{holidays}} 天，调休上班 {{workdays}} 天', missing: '还没有 {{year}} 年的日历：跨年的提醒和截止日期将无法计算，请在国务院办公厅发布放假安排后导入。',
    hint: '截止日期和提醒按中国法定节假日和调休计算。文件格式与 definitions/calendars/cn 中的年度文件相同。',
  },
  rubrics: { title: '考核细则', area: '方面', item: '考核内容', computed: '按数据计算' },
  emailTemplates: {
    title: '邮件模板', pick: '选择左侧的模板进行编辑', customised: '已修改', preview: '预览', reset: '恢复默认', resetConfirm: '恢复为系统自带的模板？',
    saved: '已保存，之后发出的邮件使用新模板', invalid: '模板无法使用', subject: '主题', text: '纯文本正文', changedBy: '{{by}} 于 {{at}} 修改',
    htmlHint: '数值会自动转义；不能使用关闭转义的三重花括号或 & 写法，也不能包含脚本。', fields: '可用字段：',
    names: {
      'submission-request': '报送通知', 'submission-reminder': '截止前提醒', 'submission-overdue': '逾期自动催办', 'submission-chase': '人工催办',
      'submission-escalation': '逾期督办（致领导）', 'submission-returned': '材料退回', 'sign-off-reminder': '审批提醒', 'sign-off-escalation': '审批督办',
      'meeting-invitation': '推进会通知', 'rectification-order': '整改通知', 'rectification-failed': '整改未通过', commendation: '表彰通知', 'commendation-list': '表彰名单（致领导）',
    },
  },
  outbox: { title: '邮件发送', channel: '通道', summary: '收件人 · 主题', attempts: '尝试次数', lastError: '最近错误', retry: '重发', sentAt: '发送时间' },
};
export default zh;
export type Messages = typeof zh;
