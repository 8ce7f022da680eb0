import type { StoryOrigin } from '../../../../shared/document/schema';
import { useI18n } from '../../i18n';
import './find.css';
import { localTime } from './local-time';

/** Where a story copied from the archive came from (issue 16): shown under its heading. */
export function StoryOriginLine({ origin }: { origin: StoryOrigin }) {
  const { t } = useI18n();
  const copied = localTime(origin.copiedAt, false);
  return (
    <p className="story-origin" role="note" aria-label={t('find.origin.label')}>
      {t('find.origin.text', {
        edition: origin.editionTitle, date: origin.issueDate ?? '', story: origin.storyTitle ?? origin.storyId, id: origin.storyId, copied,
      })}
    </p>
  );
}
