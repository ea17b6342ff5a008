import { Alert } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router-dom';
import { getClock } from '../auth/api';
import { syncServerClock } from '../shared/format';
import { beijingDateTime } from '../shared/format';

/**
 * In a rehearsal (the Host on the manual clock) every page says so, with the simulated time in
 * Beijing, so nobody takes a reminder or a deadline for real. The time is read again on every
 * navigation: `POST /api/clock/advance` may have moved it.
 */
export default function RehearsalBanner() {
  const { t, i18n } = useTranslation();
  const location = useLocation();
  const [simulated, setSimulated] = useState<string | null>(null);

  useEffect(() => {
    let current = true;
    getClock()
      .then((clock) => {
        if (!current) return;
        syncServerClock(clock.now);
        setSimulated(clock.mode === 'Manual' ? clock.now : null);
      })
      .catch(() => current && setSimulated(null));
    return () => {
      current = false;
    };
  }, [location.pathname]);

  if (!simulated) return null;
  return (
    <Alert
      data-testid="rehearsal-banner"
      type="warning"
      banner
      showIcon
      message={t('rehearsal.banner', { time: beijingDateTime(simulated, i18n.language) })}
    />
  );
}
