import { AppError, type ErrorCode, type LocalizedText } from './errors';

// One place for the sentences users see when a call fails, so both languages stay in step.
const MESSAGES: Record<ErrorCode, LocalizedText> = {
  INVALID_ARGUMENT: { 'zh-CN': '请求参数不正确。', en: 'The request has an invalid argument.' },
  UNKNOWN_CHANNEL: { 'zh-CN': '未知的操作。', en: 'Unknown operation.' },
  FORBIDDEN: { 'zh-CN': '无权执行此操作。', en: 'This operation is not allowed.' },
  PATH_OUTSIDE_WORKSPACE: {
    'zh-CN': '路径不在工作区内，已拒绝。',
    en: 'The path is outside the workspace and was refused.',
  },
  NOT_FOUND: { 'zh-CN': '找不到所请求的内容。', en: 'The requested item was not found.' },
  ALREADY_EXISTS: { 'zh-CN': '同名内容已存在。', en: 'An item with that name already exists.' },
  EDITION_MALFORMED: {
    'zh-CN': '特刊文件已损坏或格式不正确，未做任何修改。',
    en: 'The edition file is damaged or malformed; nothing was changed.',
  },
  EDITION_TOO_NEW: {
    'zh-CN': '此特刊由更新版本的特刊编辑台创建，请升级后再打开。',
    en: 'This edition was made by a newer Edition Desk; please upgrade to open it.',
  },
  STORY_MALFORMED: {
    'zh-CN': '稿件文件无法读取，已另存备份，原文件未被覆盖。',
    en: 'The story file could not be read; it was kept aside and not overwritten.',
  },
  IO_ERROR: { 'zh-CN': '读写磁盘失败。', en: 'Reading or writing the disk failed.' },
  FILE_EMPTY: { 'zh-CN': '文件是空的（0 字节）。', en: 'The file is empty (0 bytes).' },
  FILE_TOO_LARGE: { 'zh-CN': '文件太大，未导入。', en: 'The file is too large and was not imported.' },
  UNSUPPORTED_FORMAT: {
    'zh-CN': '不是可识别的图片格式（支持 JPEG、PNG、TIFF、WebP、AVIF/HEIF）。',
    en: 'Not a recognised image format (JPEG, PNG, TIFF, WebP, AVIF/HEIF are supported).',
  },
  IMAGE_DAMAGED: { 'zh-CN': '图像数据已损坏，无法解码。', en: 'The image data is damaged and cannot be decoded.' },
  IMAGE_TRUNCATED: { 'zh-CN': '文件不完整（可能拷贝中断），无法解码。', en: 'The file is incomplete (an interrupted copy?) and cannot be decoded.' },
  FILE_CHANGED: {
    'zh-CN': '导入过程中文件被改动（可能有其他程序正在写入），未导入；请稍后重新导入。',
    en: 'The file changed while it was being imported (another program writing it?); it was not imported. Import it again later.',
  },
  PIXEL_LIMIT: {
    'zh-CN': '图像像素过多（超过安全上限），已拒绝以免耗尽内存。',
    en: 'The image has too many pixels (over the safety limit) and was refused to protect memory.',
  },
  METADATA_WRITE_FAILED: {
    'zh-CN': '写入图片说明失败，原文件未被改动。',
    en: 'Writing the caption failed; the original file was not changed.',
  },
  DOCX_UNREADABLE: {
    'zh-CN': '无法读取这个 Word 文档：文件已损坏，或不是 .docx 格式。',
    en: 'This Word document cannot be read: the file is damaged or not in .docx format.',
  },
  CHROMIUM_MISSING: {
    'zh-CN': '找不到用于导出的 Chromium 浏览器（可安装 chromium，或用环境变量 EDITION_DESK_CHROMIUM 指定）。',
    en: 'No Chromium browser for exporting was found (install chromium, or set EDITION_DESK_CHROMIUM).',
  },
  PRINT_FAILED: { 'zh-CN': '版面渲染失败，未能导出。', en: 'The pages could not be rendered for export.' },
  INTERNAL: { 'zh-CN': '程序内部错误。', en: 'Internal error.' },

  TRASH_EDITION_GONE: {
    'zh-CN': '它所属的特刊已不在工作区（可能也在回收站中），请先还原该特刊。',
    en: 'The edition it belonged to is no longer in the workspace (it may be in the trash too); restore that edition first.',
  },

  PAGE_LAST: { 'zh-CN': '特刊至少要有一个版面，最后一个版面不能删除。', en: 'An edition needs at least one page; the last page cannot be deleted.' },

  SYMLINK_REFUSED: {
    'zh-CN': '特刊文件夹里的这个文件是符号链接（指向别处的快捷方式），为安全起见不读取、不打包。请换成真实文件。',
    en: 'This file in the edition folder is a symbolic link (a shortcut to elsewhere); for safety it is neither read nor packaged. Replace it with the real file.',
  },
  FILE_MALFORMED_KEPT: {
    'zh-CN': '磁盘上的文件已损坏，无法读取；已原样另存为备份（见详情中的文件名），再写入新内容。',
    en: 'The file on disk was damaged and could not be read; it was kept aside as it was (file name in the details) before the new content was written.',
  },
  TEXT_NOT_ALLOWED: {
    'zh-CN': '文字中含有不能写入图片元数据的控制字符或非字符（如 U+0000–U+001F、U+FFFE、孤立代理项），未保存。请删除后再试。',
    en: 'The text contains control characters or non-characters that cannot be written into photo metadata (e.g. U+0000–U+001F, U+FFFE, lone surrogates); nothing was saved. Remove them and try again.',
  },
  IMPORT_TOO_LARGE: {
    'zh-CN': '导入的文件超出处理上限（解压后大小、段落数或字数），未导入。',
    en: 'The imported file exceeds the limits (inflated size, paragraphs or characters); it was not imported.',
  },
  IMPORT_TOO_DEEP: {
    'zh-CN': '导入的文件嵌套层级过深，无法安全读取，未导入。',
    en: 'The imported file is nested too deeply to read safely; it was not imported.',
  },

  // Issue 12
  SERVER_UNREACHABLE: {
    'zh-CN': '连不上编辑部服务器。本机照常工作，改动保存在本机，恢复连接后自动同步。',
    en: 'The desk server cannot be reached. This desk keeps working; changes are kept here and sync when it returns.',
  },
  LOGIN_FAILED: { 'zh-CN': '用户名或密码不正确。', en: 'The user name or password is wrong.' },
  SESSION_EXPIRED: { 'zh-CN': '登录已失效，请重新登录服务器。', en: 'The session has expired; please sign in to the server again.' },
  CERT_MISMATCH: {
    'zh-CN': '证书指纹不符：服务器证书与本机上次记住的不一致，已拒绝连接（可能是假冒的服务器）。请向管理员核对证书指纹；确认服务器换过证书后，可在“编辑部服务器”里忘记此服务器再连接。',
    en: 'Certificate fingerprint mismatch: the server certificate differs from the one this desk remembered; connection refused (it may be an impostor). Check the fingerprint with your administrator; if the server really has a new certificate, forget this server under Desk server and connect again.',
  },
  ROLE_REFUSED: { 'zh-CN': '你的角色无权修改这项内容。', en: 'Your role may not change this.' },
  PAGE_SIGNED: { 'zh-CN': '此版已签发，只有值班总编重新打开后才能修改。', en: 'This page is signed off; only the chief editor can reopen it for changes.' },
  NOT_SHARED: { 'zh-CN': '此特刊没有发布到编辑部服务器。', en: 'This edition is not published to the desk server.' },
  // [press: issue 13, press-ready output and proofs]
  PRESS_PROFILE_NOT_CMYK: {
    'zh-CN': '这个 ICC 文件不是 CMYK 输出（印刷）特性文件，不能用于付印 PDF。请向印厂索取其印刷机的 CMYK 特性文件（.icc）。',
    en: 'This ICC file is not a CMYK output (printer) profile and cannot be used for the press PDF. Ask the printing plant for its press CMYK profile (.icc).',
  },
  PRESS_ENGINE_MISSING: {
    'zh-CN': '付印 PDF 需要的 Ghostscript / qpdf / ArgyllCMS 未安装（Debian：apt-get install ghostscript qpdf argyll icc-profiles-free）。',
    en: 'Ghostscript, qpdf or ArgyllCMS, which the press PDF needs, is not installed (Debian: apt-get install ghostscript qpdf argyll icc-profiles-free).',
  },
  PRESS_FAILED: { 'zh-CN': '付印 PDF 转换失败，详情见下。', en: 'The press PDF conversion failed; details below.' },
  // [/press]
  // [proofs: issue 13, proof rounds, diffs, export speed]
  PROOF_RENDER_FAILED: {
    'zh-CN': '无法渲染签样进行比较（需要 poppler-utils 中的 pdftoppm）。',
    en: 'Could not render the proofs to compare them (pdftoppm from poppler-utils is needed).',
  },
  // [/proofs]
  // [copy: issue 14, real-world copy and files]
  // [/copy]
  // [polish: issue 17, first-hour polish]
  IMPORT_EMPTY: { 'zh-CN': '文件里没有文字，未导入。', en: 'The file has no text; nothing was imported.' },
  // [/polish]
  // [net: issue 12, newsroom network follow-ups]
  ARCHIVE_UNAVAILABLE: { 'zh-CN': '资料库检索在此窗口中不可用（请用浏览器版或命令行 edition-desk search）。', en: 'Archive search is not available in this window (use the browser version or edition-desk search).' },
  // [/net]
  // [csc: issue 14, 错别字 detection and repeats by words]
  // [/csc]
  // [corpus: issue 14, external corpus, punctuation rules, legacy charset UI]
  // [/corpus]
  // [speed: issue 15, honest speed]
  // [/speed]
  // [find: issue 16, search results into the desk, provenance, caption history]
  // [/find]
  // [vocab: issue 16, keyword vocabulary, near-duplicates, server catalogue]
  VOCAB_MALFORMED: { 'zh-CN': '关键词表文件 keywords.json 无法读取，未作改动。请修复该文件，或导入关键词文件替换它（原文件会保留）。', en: 'The keyword file keywords.json cannot be read; nothing was changed. Mend it, or import a keyword file to replace it (the old file is kept).' },
  VOCAB_DUPLICATE: { 'zh-CN': '同一层级已有这个关键词。', en: 'This keyword already exists at that level.' },
  VOCAB_CYCLE: { 'zh-CN': '关键词不能移到它自己的下级。', en: 'A keyword cannot be moved under itself.' },
  VOCAB_EMPTY_IMPORT: { 'zh-CN': '文件里没有关键词，未导入。', en: 'The file holds no keywords; nothing was imported.' },
  // [/vocab]
  // [raw: issue 15, camera raw files through their embedded JPEG]
  RAW_NO_PREVIEW: { 'zh-CN': '此原始文件没有可用的内嵌预览，无法显示。请在相机中开启 RAW+JPEG，或先用厂商软件导出 JPEG。', en: 'This raw file carries no usable embedded preview, so it cannot be shown. Shoot RAW+JPEG, or export a JPEG from the maker\'s software first.' },
  RAW_SIDECAR_UNREADABLE: { 'zh-CN': '随原始文件一同导入的 XMP 附属文件无法读取，未采用；原始文件已导入。', en: 'The XMP sidecar that came with the raw file cannot be read and was not used; the raw file itself was imported.' },
  // [/raw]
  // [ingest: issue 15, ingest against sharp under load]
  // [/ingest]
  // [editor: issue 15, editor latency at 200k/500k]
  // [/editor]
  // [csc2: issue 14, 错别字 detection to target]
  // [/csc2]
  // [ingest2: issue 15, camera thumbnails and 24 MP ingest to target]
  // [/ingest2]
  // [cli: issue 15, proof CLI start]
  // [/cli]
  // [csc3: issue 14, 错别字 precision and recall]
  // [/csc3]
  // [cli3: issue 15, proof CLI start]
  // [/cli3]
  // [editor3: issue 15, editor latency at size]
  // [/editor3]
  // [csc4: issue 14, 错别字 precision and recall]
  // [/csc4]
  // [suite: suite speed]
  // [/suite]
  // [csc5: issue 14, a word language model for 错别字]
  // [/csc5]
};

export function messageFor(code: ErrorCode): LocalizedText {
  return MESSAGES[code];
}

export function appError(code: ErrorCode, detail?: string): AppError {
  return new AppError(code, MESSAGES[code], detail);
}
