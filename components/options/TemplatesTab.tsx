/** 回复模板: the template library (components/templates) on the real database. */
import { useEffect, useMemo, useState } from 'react';
import { TemplateLibrary } from '@/components/templates';
import { db } from '@/lib/db/schema';
import { createTemplateRepo, storageTombstones } from '@/lib/templates/repo';
import { syncStatusItem, type SyncStatus } from '@/lib/templates/sync';

/** The last template sync result, kept current (the background writes it after each sync round). */
function useSyncStatus(): SyncStatus | null | undefined {
  const [status, setStatus] = useState<SyncStatus | null>();
  useEffect(() => {
    let live = true;
    void syncStatusItem.getValue().then((s) => live && setStatus(s));
    const unwatch = syncStatusItem.watch((s) => live && setStatus(s));
    return () => {
      live = false;
      unwatch();
    };
  }, []);
  return status;
}

export function TemplatesTab() {
  // One repo per page: the library subscribes to it and must not see a new object every render.
  const repo = useMemo(() => createTemplateRepo(db().templates, storageTombstones()), []);
  const syncStatus = useSyncStatus();
  return <TemplateLibrary repo={repo} syncStatus={syncStatus} />;
}
