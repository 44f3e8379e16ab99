// Tests import services directly; Next's "server-only" guard has no meaning there.
export {};
