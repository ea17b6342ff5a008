import { Alert, Card, Typography } from 'antd';
import { useState, type ReactNode } from 'react';
import { errorText } from '../shared/errorText';

/** The pages reached without signing in (sign-in, a forgotten password): one card in the middle, a title, and the last error. */
export default function PublicPage({ title, error, children }: { title: ReactNode; error?: string | null; children: ReactNode }) {
  return (
    <div style={{ minHeight: '100vh', display: 'grid', placeItems: 'center', background: '#f0f2f5' }}>
      <Card style={{ width: 380 }}>
        <Typography.Title level={4}>{title}</Typography.Title>
        {error && <Alert type="error" title={error} style={{ marginBottom: 16 }} showIcon />}
        {children}
      </Card>
    </div>
  );
}

/** A form's submission: busy while it runs, the error it ended with (if any), done once it succeeded. */
export function useSubmission<T>(action: (values: T) => Promise<void>, fallback?: string) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const submit = async (values: T) => {
    setBusy(true);
    setError(null);
    try {
      await action(values);
      setDone(true);
    } catch (e) {
      setError(errorText(e, fallback));
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, done, submit };
}
