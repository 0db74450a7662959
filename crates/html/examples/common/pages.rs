//! The pages of a folder, for the examples: every `.html`, `.htm` or `.gz` file (gunzipped), in
//! name order, as `(file name, text)`; bytes that are not UTF-8 are replaced, and unreadable or
//! broken files are skipped.

use std::io::Read;

/// Reads the pages of `dir`; an error names the folder.
pub fn read_pages(dir: &str) -> Result<Vec<(String, String)>, String> {
    let read = std::fs::read_dir(dir).map_err(|e| format!("{dir}: cannot read folder ({e})"))?;
    let mut paths: Vec<_> = read.flatten().map(|e| e.path()).collect();
    paths.sort();
    let mut pages = Vec::new();
    for path in paths {
        let name = path.to_string_lossy().into_owned();
        let Ok(bytes) = std::fs::read(&path) else {
            continue;
        };
        let raw = if name.ends_with(".gz") {
            let mut out = Vec::new();
            if flate2::read::GzDecoder::new(&bytes[..])
                .read_to_end(&mut out)
                .is_err()
            {
                continue;
            }
            out
        } else if name.ends_with(".html") || name.ends_with(".htm") {
            bytes
        } else {
            continue;
        };
        pages.push((name, String::from_utf8_lossy(&raw).into_owned()));
    }
    Ok(pages)
}
