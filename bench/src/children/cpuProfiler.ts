// A gateway process's CPU profile on request from the bench, through the inspector
// in the process itself: the profile covers the measured load window only, not the
// start-up or the warm-up, and it needs no exit to be written.
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';

import type { ProfileMessage, ProfileReply } from './protocol';

/** Answers the bench's `profile` messages: start, then stop and write the `.cpuprofile`. */
export function answerProfileRequests(): void {
  let session: Session | undefined;
  process.on('message', (message: ProfileMessage) => {
    if (message.type !== 'profile') return;
    void (async () => {
      if (message.action === 'start') {
        session = new Session();
        session.connect();
        await session.post('Profiler.enable');
        await session.post('Profiler.start');
      } else if (session) {
        const { profile } = await session.post('Profiler.stop');
        writeFileSync(message.file, JSON.stringify(profile));
        session.disconnect();
        session = undefined;
      }
      const reply: ProfileReply = { type: 'profile', action: message.action };
      process.send?.(reply);
    })();
  });
}
