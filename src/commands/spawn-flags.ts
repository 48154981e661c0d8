// Flags shared by the commands that start programs (new-session, new-window, split-window,
// respawn-*): -e VAR=value environment assignments.

export function parseEnvironment(assignments: string[]): { values: Record<string, string> } | { error: string } {
  const values: Record<string, string> = {};
  for (const assignment of assignments) {
    const eq = assignment.indexOf('=');
    if (eq <= 0) return { error: `invalid environment: ${assignment}` };
    values[assignment.slice(0, eq)] = assignment.slice(eq + 1);
  }
  return { values };
}
