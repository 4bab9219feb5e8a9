// Cloudflare Worker (workerd): server-app.mjs, configured from the Worker's bindings.
import { createPageApp } from "./server-app.mjs";

let app;
export default {
  fetch(request, env) {
    app ??= createPageApp({
      agniUrl: env.AGNI_URL,
      apiKey: env.AGNI_API_KEY,
      runtime: env.RUNTIME,
      html: env.HTML,
      script: env.SCRIPT,
    });
    return app(request);
  },
};
