import { Layout, type Chrome } from '../../kernel/ui/layout.tsx';
import type { Municipality, Ward } from '../../municipalities/queries.ts';
import type { Handout } from '../handout/handout.ts';
import { printPhotoPath } from '../../reports/photos/paths.ts';
import { HandoutBody } from '../handout/handout-view.tsx';
import { meetingPaths } from '../paths.ts';
import { meetingsCrumbs } from './meetings-page.tsx';
import { japanese } from '../../kernel/ui/japanese.tsx';

/** The handout as a web page: the same markup Chromium prints; the site around it is left out when printed. */
export function HandoutPage({ chrome, municipality, ward, meetingId, handout }: { chrome: Chrome; municipality: Municipality; ward: Ward; meetingId: string; handout: Handout }) {
  const { t, locale } = chrome;
  const m = municipality.slug;
  return (
    <Layout chrome={chrome} title={handout.cover.title} crumbs={meetingsCrumbs(chrome, m, ward, { label: japanese(handout.cover.title), href: meetingPaths.meeting(m, meetingId) }, { label: t('meeting.download.html') })}>
      <link rel="stylesheet" href={meetingPaths.stylesheet} />
      <HandoutBody handout={handout} words={{ t, locale }} photoUrl={printPhotoPath} />
    </Layout>
  );
}
