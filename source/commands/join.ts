/**
 * `facetty join CODE [--relay HOST:PORT]`: joins the call an invite code stands for, through the
 * relay, and holds it (the call screen in a terminal, else the plain status line).
 */
export {joinByCode as runJoin} from '../calls/invite.js';
