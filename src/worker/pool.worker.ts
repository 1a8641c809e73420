import * as Comlink from 'comlink';
import { PoolHost } from './poolHost';

// One of the experiment pool's workers: a thin comlink adapter over PoolHost.
Comlink.expose(new PoolHost());
