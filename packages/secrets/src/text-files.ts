/**
 * Extensions of files that are binary by format: never worth reading for secrets. Anything else
 * is read, and the workspace still drops files that turn out to be binary (NUL bytes).
 */
const BINARY_EXTENSIONS = new Set(
  (
    'png jpg jpeg gif bmp ico icns webp tif tiff psd ai heic avif svgz ' +
    'mp3 mp4 m4a m4v mov avi mkv webm wav flac ogg opus aac wmv flv ' +
    'woff woff2 ttf otf eot ' +
    'zip gz tgz bz2 xz zst 7z rar tar jar war ear aar apk ipa nupkg whl egg gem crate deb rpm dmg iso msi cab ' +
    'exe dll so dylib a o obj lib pdb class pyc pyo pyd wasm node bin dat ' +
    'pdf doc docx xls xlsx ppt pptx odt ods odp ' +
    'sqlite sqlite3 db mdb parquet avro orc feather npy npz pkl h5 onnx pt pth ckpt safetensors tflite'
  ).split(' ')
)

export function isScannableText(path: string): boolean {
  const slash = path.lastIndexOf('/')
  const dot = path.lastIndexOf('.')
  if (dot <= slash) return true
  return !BINARY_EXTENSIONS.has(path.slice(dot + 1).toLowerCase())
}
