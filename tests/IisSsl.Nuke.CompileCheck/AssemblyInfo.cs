// The shim's Serilog Log records into one static list; tests that read it must not interleave.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
