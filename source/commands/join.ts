/**
 * `facetty join CODE [--relay HOST:PORT]`: joins the call or the room a code stands for (the relay
 * says which), through the relay, and holds it (its screen in a terminal, else the plain status line).
 */
export {joinEither as runJoin} from '../calls/room.js';
