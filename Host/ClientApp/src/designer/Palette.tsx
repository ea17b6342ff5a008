import { Collapse, List } from 'antd';
import { memo, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { ActivityDescriptor } from './model';
import { typeDescription, typeLabel } from './translations';

/** The drag-and-drop data type of a palette item: its activity type name. */
export const paletteType = 'application/x-chamber-activity';

type Props = { descriptors: Map<string, ActivityDescriptor>; onAdd(typeName: string): void };

/**
 * The activity types by category, dragged onto the canvas or double-clicked to add in view.
 * Memoised: it does not change with the selection or the property panel's typing.
 */
const Palette = memo(function Palette({ descriptors, onAdd }: Props) {
  const { t } = useTranslation();
  const categories = useMemo(() => {
    const groups = new Map<string, ActivityDescriptor[]>();
    for (const d of descriptors.values()) groups.set(d.category, [...(groups.get(d.category) ?? []), d]);
    return [...groups.entries()].sort(([a], [b]) => a.localeCompare(b));
  }, [descriptors]);

  return (
    <Collapse ghost size="small" defaultActiveKey={['Campaign', 'Approval']} items={categories.map(([category, items]) => ({
      key: category, label: t(`designer.categories.${category}`, { defaultValue: category }),
      children: (
        <List size="small" dataSource={items} renderItem={(d) => (
          <List.Item style={{ cursor: 'grab', userSelect: 'none' }} draggable title={typeDescription(d)} data-testid={`palette-${d.typeName}`}
            onDragStart={(e) => e.dataTransfer.setData(paletteType, d.typeName)} onDoubleClick={() => onAdd(d.typeName)}>
            {typeLabel(d, d.typeName)}
          </List.Item>
        )} />
      ),
    }))} />
  );
});

export default Palette;
