// Child process for store-atomic.test.ts: writes names.txt and ignore.json in a loop until killed.
import { addIgnore, addName } from '../../../src/server/store';

const dir = process.argv[2]!;
void (async () => {
  for (let i = 0; ; i++) {
    await addName(dir, `Added Name${i}`);
    await addIgnore(dir, 'stories/a.md', 'findings', `copied-passage:${i}`);
    if (i === 0) process.stdout.write('ready\n');
  }
})();
