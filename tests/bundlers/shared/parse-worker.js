// A worker of the application's own that becomes xinwen's worker by importing it.
import 'xinwen/worker';
