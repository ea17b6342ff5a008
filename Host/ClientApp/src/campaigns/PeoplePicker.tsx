import { Select, Spin } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Person } from '../api/types';
import { findPeople } from './api';

const roles = ['leader', 'staff', 'reviewer'] as const;

/**
 * Picks people who have accounts (searched by name or address as one types) or a whole role
 * (role:leader, …). Nothing else can be entered: a mistyped address would name nobody.
 */
export default function PeoplePicker({ value, onChange, role, testId }: { value: string[]; onChange(value: string[]): void; role?: string; testId?: string }) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [people, setPeople] = useState<Person[]>([]);
  const [known, setKnown] = useState<Record<string, Person>>({});
  const [loading, setLoading] = useState(false);

  useEffect(() => {
    let current = true;
    setLoading(true);
    const timer = setTimeout(() => {
      findPeople(search.trim(), search.trim() ? undefined : role)
        .then((found) => {
          if (!current) return;
          setPeople(found);
          setKnown((k) => ({ ...k, ...Object.fromEntries(found.map((p) => [p.email, p])) }));
        })
        .catch(() => current && setPeople([]))
        .finally(() => current && setLoading(false));
    }, 250);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [search, role]);

  const options = useMemo(() => {
    const text = search.trim();
    const roleOptions = roles.map((r) => ({ value: `role:${r}`, label: t('people.everyone', { role: t(`roles.${r}`) }) }))
      .filter((o) => !text || o.label.includes(text) || o.value.includes(text.toLowerCase()));
    const personOptions = people.map((p) => ({ value: p.email, label: `${p.displayName} <${p.email}>` }));
    return [
      ...(roleOptions.length ? [{ label: t('people.roles'), options: roleOptions }] : []),
      ...(personOptions.length ? [{ label: t('people.people'), options: personOptions }] : []),
    ];
  }, [people, search, t]);

  return (
    <Select mode="multiple" showSearch filterOption={false} value={value} onChange={onChange} onSearch={setSearch} data-testid={testId}
      options={options} notFoundContent={loading ? <Spin size="small" /> : t('people.noneFound')} placeholder={t('people.placeholder')}
      labelRender={({ value: picked }) => {
        const text = String(picked);
        if (text.startsWith('role:')) return t('people.everyone', { role: t(`roles.${text.slice(5)}`, { defaultValue: text.slice(5) }) });
        return known[text] ? `${known[text].displayName} <${text}>` : text;
      }} />
  );
}
