"""Link briefing off the request path: a pool of warm worker processes with a budget each.

`LinkPool.run(url)` fetches, extracts and briefs one link in a worker process and returns
the article and its brief. A worker past its CPU-time, memory or wall-clock budget is
killed and replaced, and the caller gets a `BudgetExceeded` with a human message.
"""

from bot.workers.pool import BudgetExceeded, LinkPool, WorkerLost

__all__ = ["BudgetExceeded", "LinkPool", "WorkerLost"]
