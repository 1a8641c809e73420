/**
 * Wall and process CPU time together: on a shared machine a wall figure well above the CPU figure
 * means the bench waited for a core, not that the code got slower.
 */
export class Stopwatch {
  private wallMs = 0;
  private cpuMicros = 0;
  private startWallMs = 0;
  private startCpu: NodeJS.CpuUsage | undefined;

  start(): void {
    this.startWallMs = performance.now();
    this.startCpu = process.cpuUsage();
  }

  stop(): void {
    const cpu = process.cpuUsage(this.startCpu);
    this.cpuMicros += cpu.user + cpu.system;
    this.wallMs += performance.now() - this.startWallMs;
  }

  get wallSec(): number {
    return this.wallMs / 1000;
  }

  get cpuSec(): number {
    return this.cpuMicros / 1e6;
  }
}
