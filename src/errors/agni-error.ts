/**
 * Base class of every error this client throws: `err instanceof AgniError` catches them all.
 *
 * @example
 * try { await agni.calls.createWebCall({ agent_id }); }
 * catch (err) { if (err instanceof AgniError) console.error(err.name, err.message); }
 */
export class AgniError extends Error {
  static {
    // On the prototype, so the stack header shows it and minifiers cannot rename it.
    this.prototype.name = "AgniError";
  }
}
