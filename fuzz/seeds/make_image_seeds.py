#!/usr/bin/env python3
"""Writes the small committed seed files of fuzz/corpus/{nifti,raster}/ (standard library only).

Real fixtures are megabytes; a fuzzer mutates a few hundred bytes far faster and still reaches every header branch.
NIfTI seeds keep the real headers of the cached fixtures (both byte orders, NIfTI-1 and -2, sform/qform, scaling)
with their dimensions cut down to a few voxels; raster seeds are tiny PNGs and baseline TIFFs written by hand.
Usage: make_image_seeds.py <fixture cache> <fuzz/corpus folder>
"""
import gzip, os, struct, sys, zlib

cache, corpus = sys.argv[1], sys.argv[2]


def read(path):
    data = open(path, 'rb').read()
    return gzip.decompress(data) if data[:2] == b'\x1f\x8b' else data


def shrink_nifti(data):
    """Cuts dims to at most 4 x 4 x 2 (x 2 volumes) and the voxels to what they then need."""
    for end in '<>':
        if struct.unpack(end + 'i', data[:4])[0] == 348:
            dims = list(struct.unpack(end + '8h', data[40:56]))
            bitpix = struct.unpack(end + 'h', data[72:74])[0]
            offset = int(struct.unpack(end + 'f', data[108:112])[0]) or 352
            dims[1:5] = [min(d, c) if d > 0 else d for d, c in zip(dims[1:5], (4, 4, 2, 2))]
            hdr = data[:40] + struct.pack(end + '8h', *dims) + data[56:offset]
            break
        if struct.unpack(end + 'i', data[:4])[0] == 540:
            dims = list(struct.unpack(end + '8q', data[16:80]))
            bitpix = struct.unpack(end + 'h', data[14:16])[0]
            offset = struct.unpack(end + 'q', data[168:176])[0] or 544
            dims[1:5] = [min(d, c) if d > 0 else d for d, c in zip(dims[1:5], (4, 4, 2, 2))]
            hdr = data[:16] + struct.pack(end + '8q', *dims) + data[80:offset]
            break
    else:
        return None
    voxels = 1
    for d in dims[1:1 + max(1, min(dims[0], 7))]:
        voxels *= max(d, 1)
    return hdr + data[offset:offset + voxels * max(bitpix, 8) // 8]


def write(folder, name, data):
    os.makedirs(os.path.join(corpus, folder), exist_ok=True)
    open(os.path.join(corpus, folder, name), 'wb').write(data)


for rel in ['python3-nibabel/anatomical.nii', 'python3-nibabel/example_nifti2.nii.gz',
            'python3-nibabel/example4d.nii.gz', 'nifti-reader-js/little.nii.gz', 'nifti-reader-js/big.nii.gz',
            'nifti-reader-js/5D_small.nii', 'nifti-reader-js/avg152T1_LR_nifti2.nii.gz', 'mricron-data/ch2bet.nii.gz']:
    path = os.path.join(cache, rel)
    if os.path.exists(path):
        small = shrink_nifti(read(path))
        if small:
            write('nifti', os.path.basename(rel).replace('.gz', ''), small)
# ANALYZE 7.5 pair (nifti-reader-js air.hdr/.img): the header alone is the seed, the harness splits at 348 bytes.
air = os.path.join(cache, 'nifti-reader-js/air.hdr.gz')
if os.path.exists(air):
    write('nifti', 'air-analyze.hdr', read(air)[:348] + bytes(4 * 4 * 2 * 2))


def png(width, height, colour, depth, rows, interlace=0):
    def chunk(kind, body):
        return struct.pack('>I', len(body)) + kind + body + struct.pack('>I', zlib.crc32(kind + body))
    ihdr = struct.pack('>IIBBBBB', width, height, depth, colour, 0, 0, interlace)
    raw = b''.join(b'\0' + r for r in rows)
    extra = chunk(b'PLTE', bytes(range(12))) if colour == 3 else b''
    return b'\x89PNG\r\n\x1a\n' + chunk(b'IHDR', ihdr) + extra + chunk(b'IDAT', zlib.compress(raw)) + chunk(b'IEND', b'')


write('raster', 'grey8.png', png(4, 3, 0, 8, [bytes([10 * i + j for j in range(4)]) for i in range(3)]))
write('raster', 'grey16.png', png(3, 2, 0, 16, [struct.pack('>3H', 1, 30000, 65535)] * 2))
write('raster', 'rgb8.png', png(2, 2, 2, 8, [bytes(range(6)), bytes(range(6, 12))]))
write('raster', 'rgba8.png', png(2, 1, 6, 8, [bytes(range(8))]))
write('raster', 'palette.png', png(2, 2, 3, 8, [b'\0\1', b'\2\3']))
write('raster', 'interlaced.png', png(4, 4, 0, 8, [bytes(4)] * 4, interlace=1))


def tiff(width, height, samples, bits, fmt, pixels, pages=1):
    """Little-endian baseline TIFF, uncompressed, one strip per page."""
    out = bytearray(b'II*\0' + struct.pack('<I', 8))
    for page in range(pages):
        entries = [(256, 3, 1, width), (257, 3, 1, height), (258, 3, 1, bits), (259, 3, 1, 1),
                   (262, 3, 1, 2 if samples == 3 else 1), (273, 4, 1, 0), (277, 3, 1, samples),
                   (278, 3, 1, height), (279, 4, 1, len(pixels)), (339, 3, 1, fmt)]
        ifd = len(out)
        data_at = ifd + 2 + 12 * len(entries) + 4
        body = struct.pack('<H', len(entries))
        for tag, kind, count, value in entries:
            value = data_at if tag == 273 else value
            body += struct.pack('<HHI', tag, kind, count) + (struct.pack('<HH', value, 0) if kind == 3 else
                                                             struct.pack('<I', value))
        nxt = data_at + len(pixels) if page + 1 < pages else 0
        out += body + struct.pack('<I', nxt) + pixels
    return bytes(out)


write('raster', 'grey8.tif', tiff(4, 2, 1, 8, 1, bytes(range(8))))
write('raster', 'grey16.tif', tiff(2, 2, 1, 16, 1, struct.pack('<4H', 0, 1000, 40000, 65535)))
write('raster', 'float32.tif', tiff(2, 1, 1, 32, 3, struct.pack('<2f', -1.5, 3.25)))
write('raster', 'rgb8.tif', tiff(2, 1, 3, 8, 1, bytes(range(6))))
write('raster', 'two-pages.tif', tiff(2, 2, 1, 8, 1, bytes(range(4)), pages=2))
