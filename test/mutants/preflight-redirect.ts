// Imitates a router with strict trailing slashes (Django APPEND_SLASH, Express static, FastAPI
// redirect_slashes) ahead of the CORS layer: OPTIONS /items is redirected to /items/, and browsers
// never follow a redirected preflight.
import { CREDENTIALED, deviate, TARGET_PATH, type Mutant } from './harness.js';

export const mutant: Mutant = {
  id: 'preflight-redirect',
  imitates: 'a trailing-slash redirect answering the preflight',
  policy: CREDENTIALED,
  listener: (policy) => deviate(policy, {
    before: (req, res) => {
      if (req.url !== TARGET_PATH) return false;
      res.writeHead(308, { location: `${TARGET_PATH}/` }).end();
      return true;
    },
  }),
  kills: { id: 'preflight/redirect', category: 'conformance', anchor: 'cors-preflight-fetch-0:7' },
};
