// The icon of an activity's card: Ant Design's outlined icons (the ones the rest of the client
// shows), drawn as an SVG path on the canvas. By type where a type has its own, else by category.
import ApartmentOutlined from '@ant-design/icons-svg/es/asn/ApartmentOutlined';
import AuditOutlined from '@ant-design/icons-svg/es/asn/AuditOutlined';
import BranchesOutlined from '@ant-design/icons-svg/es/asn/BranchesOutlined';
import ClockCircleOutlined from '@ant-design/icons-svg/es/asn/ClockCircleOutlined';
import CodeOutlined from '@ant-design/icons-svg/es/asn/CodeOutlined';
import FileDoneOutlined from '@ant-design/icons-svg/es/asn/FileDoneOutlined';
import FlagOutlined from '@ant-design/icons-svg/es/asn/FlagOutlined';
import MailOutlined from '@ant-design/icons-svg/es/asn/MailOutlined';
import PartitionOutlined from '@ant-design/icons-svg/es/asn/PartitionOutlined';
import PlayCircleOutlined from '@ant-design/icons-svg/es/asn/PlayCircleOutlined';
import ReconciliationOutlined from '@ant-design/icons-svg/es/asn/ReconciliationOutlined';
import RetweetOutlined from '@ant-design/icons-svg/es/asn/RetweetOutlined';
import StopOutlined from '@ant-design/icons-svg/es/asn/StopOutlined';
import TeamOutlined from '@ant-design/icons-svg/es/asn/TeamOutlined';
import ToolOutlined from '@ant-design/icons-svg/es/asn/ToolOutlined';
import TrophyOutlined from '@ant-design/icons-svg/es/asn/TrophyOutlined';
import WarningOutlined from '@ant-design/icons-svg/es/asn/WarningOutlined';
import type { IconDefinition } from '@ant-design/icons-svg/es/types';

const byType: Record<string, IconDefinition> = {
  'Elsa.Start': PlayCircleOutlined, 'Elsa.End': StopOutlined, 'Elsa.Finish': StopOutlined, 'Elsa.Fault': WarningOutlined,
  'Chamber.RequestSubmission': FileDoneOutlined, 'Chamber.RubricReview': ReconciliationOutlined, 'Chamber.Commend': TrophyOutlined,
  'Chamber.CommendationList': TrophyOutlined, 'Chamber.Rectify': ToolOutlined, 'Chamber.ProgressMeeting': TeamOutlined,
};
const byCategory: Record<string, IconDefinition> = {
  Approval: AuditOutlined, Campaign: FlagOutlined, Branching: BranchesOutlined, Email: MailOutlined, Flow: ApartmentOutlined,
  Looping: RetweetOutlined, Scheduling: ClockCircleOutlined, Scripting: CodeOutlined, Composition: PartitionOutlined, Workflows: PartitionOutlined,
};
const categoryColors: Record<string, string> = { Approval: '#b71c1c', Campaign: '#d46b08', Branching: '#531dab', Email: '#08979c', Scheduling: '#1d39c4' };

/** The icon's path data (every outlined icon is one path over the viewBox 64 64 896 896). */
export function iconOf(typeName: string, category: string | undefined): { d: string; color: string } {
  const icon = byType[typeName] ?? byCategory[category ?? ''] ?? CodeOutlined;
  const svg = typeof icon.icon === 'function' ? icon.icon('#000', '#fff') : icon.icon;
  const d = svg.children?.map((child) => String(child.attrs.d ?? '')).join(' ') ?? '';
  return { d, color: categoryColors[category ?? ''] ?? '#595959' };
}
