/**
 * Entry of the flow bench's bundled measurement (see flowBench.ts): `node <bundle> '<FlowOptions as
 * JSON>'` prints the FlowRounds as JSON on stdout.
 */
import { type FlowOptions, measureFlow } from './flowRounds';

const options = JSON.parse(process.argv[2] ?? '') as FlowOptions;
console.log(JSON.stringify(measureFlow(options)));
