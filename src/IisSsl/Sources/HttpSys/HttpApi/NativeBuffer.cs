using System.Runtime.InteropServices;

namespace IisSsl.Sources.HttpSys.HttpApi;

/// <summary>Zeroed native memory for a query's output, freed on dispose.</summary>
internal sealed unsafe class NativeBuffer(uint length) : IDisposable
{
    public void* Pointer { get; private set; } = length == 0 ? null : NativeMemory.AllocZeroed(length);

    public uint Length { get; } = length;

    public void Dispose()
    {
        NativeMemory.Free(Pointer);
        Pointer = null;
    }
}
