/** A customer account. */
export interface User {
  readonly id: string;
  readonly name: string;
  readonly active: boolean;
}

/** The user service's state: accounts by id. */
export class UserDirectory {
  private readonly users = new Map<string, User>();

  add(user: User): void {
    this.users.set(user.id, user);
  }

  get(id: string): User | undefined {
    return this.users.get(id);
  }

  /** Deactivates an account (orders by it then fail as inactive). */
  setActive(id: string, active: boolean): boolean {
    const u = this.users.get(id);
    if (!u) return false;
    this.users.set(id, { ...u, active });
    return true;
  }

  get size(): number {
    return this.users.size;
  }

  ids(): string[] {
    return [...this.users.keys()];
  }
}
