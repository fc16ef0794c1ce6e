// Temporary: the parse worker moved to src/lib/storage/parse-worker.ts (issue #21). This entry
// stays only until content.config.ts passes that path as the loader's workerFile; then delete it.
import '../storage/parse-worker.ts';
