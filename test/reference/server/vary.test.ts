import t from 'tap';
import { ACRH, ACRM, ORIGIN } from '../../../spec/headers.js';
import { appendVary } from '../../../reference/server/index.js';

t.test('appendVary appends, deduplicates case-insensitively and never drops what is there', async (t) => {
  t.equal(appendVary(null, []), null);
  t.equal(appendVary(null, [ORIGIN]), 'origin');
  t.equal(appendVary('Accept', [ORIGIN]), 'Accept, origin');
  t.equal(appendVary('Accept, Origin', [ORIGIN]), 'Accept, Origin', 'already there in another case: unchanged');
  t.equal(appendVary('Accept,  Origin', [ORIGIN]), 'Accept,  Origin', 'unchanged byte for byte when nothing is added');
  t.equal(appendVary('accept-encoding,,', [ORIGIN, ACRM, ACRH]), `accept-encoding, ${ORIGIN}, ${ACRM}, ${ACRH}`);
  t.equal(appendVary('*', [ORIGIN]), '*', 'Vary: * already covers everything');
  t.equal(appendVary('Accept, *', [ORIGIN]), 'Accept, *');
  t.equal(appendVary('', [ORIGIN]), 'origin');
  t.equal(appendVary(null, [ORIGIN, 'Origin']), 'origin');
});
