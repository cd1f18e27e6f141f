import { NeedsWorkspace } from '../components/NeedsWorkspace.js';
import { PageHeader } from '../components/PageHeader.js';
import { AllowlistSettings } from '../settings/AllowlistSettings.js';
import { ApiKeysSettings } from '../settings/ApiKeysSettings.js';
import { MembersSettings } from '../settings/MembersSettings.js';
import { useWorkspace } from '../workspace.js';

export function SettingsPage() {
  const { workspaces } = useWorkspace();
  return (
    <>
      <PageHeader title="Settings" description="Your organisation's integration rules, people and API keys." />
      <NeedsWorkspace>
        {(current) => {
          const orgWorkspaces = workspaces.filter((w) => w.orgId === current.orgId);
          return (
            <div className="stack">
              <AllowlistSettings orgId={current.orgId} />
              <MembersSettings orgId={current.orgId} workspaces={orgWorkspaces} current={current} />
              <ApiKeysSettings orgId={current.orgId} workspaces={orgWorkspaces} current={current} />
            </div>
          );
        }}
      </NeedsWorkspace>
    </>
  );
}
