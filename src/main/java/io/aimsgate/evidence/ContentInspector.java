package io.aimsgate.evidence;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.mime.MediaType;
import org.apache.tika.mime.MediaTypeRegistry;
import org.apache.tika.mime.MimeTypes;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Decides what an upload is from its bytes (Apache Tika's magic-byte detection), never from what the client says:
 * refuses executables and scripts, and an upload whose declared Content-Type or file-name extension names another
 * type than its content. The stored media type is the content's, refined by the extension only where the extension
 * names a special case of it (a .docx is a ZIP, a .md is plain text).
 */
@Component
class ContentInspector {

    /** Programs and scripts (and everything Tika files under them): evidence documents something, it never runs. */
    private static final List<MediaType> EXECUTABLE = List.of(
            MediaType.parse("application/x-msdownload"), MediaType.parse("application/x-dosexec"),
            MediaType.parse("application/x-elf"), MediaType.parse("application/x-executable"),
            MediaType.parse("application/x-sharedlib"), MediaType.parse("application/x-mach-o"),
            MediaType.parse("application/java-archive"), MediaType.parse("application/java-vm"),
            MediaType.parse("application/x-sh"), MediaType.parse("application/x-bat"),
            MediaType.parse("application/x-msi"), MediaType.parse("application/javascript"),
            MediaType.parse("text/javascript"), MediaType.parse("text/x-python"),
            MediaType.parse("application/x-powershell"), MediaType.parse("text/x-vbscript"));

    private static final MediaType ZIP = MediaType.parse("application/zip");

    private final MimeTypes types = MimeTypes.getDefaultMimeTypes();
    private final MediaTypeRegistry registry = types.getMediaTypeRegistry();

    /** The media type to store; throws {@link EvidenceRefused} for an executable or a mismatched upload. */
    String inspect(Path content, String fileName, String declaredContentType) throws IOException {
        MediaType byContent = detect(content, null);
        MediaType byName = types.detect(null, named(fileName));
        if (isExecutable(byContent) || isExecutable(byName) || startsWithShebang(content)
                || ZIP.equals(byContent) && containsJavaClasses(content)) {
            throw new EvidenceRefused(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "file",
                    "Executable files and scripts are not accepted as evidence (detected " + byContent + ").");
        }
        if (!MediaType.OCTET_STREAM.equals(byName) && !registry.isInstanceOf(byName, byContent)) {
            throw new EvidenceRefused(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "fileName", "The file name says " + byName
                    + " but the content is " + byContent + ".");
        }
        MediaType declared = declared(declaredContentType);
        if (declared != null && !MediaType.OCTET_STREAM.equals(declared) && !registry.isInstanceOf(declared, byContent)) {
            throw new EvidenceRefused(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Content-Type", "The upload was declared "
                    + declared + " but the content is " + byContent + ".");
        }
        MediaType refined = detect(content, fileName);
        return (registry.isInstanceOf(refined, byContent) ? refined : byContent).toString();
    }

    private MediaType declared(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        MediaType parsed = MediaType.parse(header.strip().toLowerCase(Locale.ROOT));
        if (parsed == null) {
            throw new EvidenceRefused(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Content-Type",
                    "The declared Content-Type is not a media type.");
        }
        return registry.normalize(parsed.getBaseType());
    }

    private boolean isExecutable(MediaType type) {
        return EXECUTABLE.stream().anyMatch(executable -> registry.isInstanceOf(type, executable))
                || type.toString().startsWith("application/x-mach-o");
    }

    private MediaType detect(Path content, String fileName) throws IOException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(content))) {
            return types.detect(in, fileName == null ? new Metadata() : named(fileName));
        }
    }

    private static Metadata named(String fileName) {
        Metadata metadata = new Metadata();
        metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, fileName);
        return metadata;
    }

    private static boolean startsWithShebang(Path content) throws IOException {
        try (InputStream in = Files.newInputStream(content)) {
            byte[] head = in.readNBytes(2);
            return head.length == 2 && head[0] == '#' && head[1] == '!';
        }
    }

    /** A ZIP with a manifest or compiled classes is a Java archive whatever its name. */
    private static boolean containsJavaClasses(Path content) {
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(content))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                String name = entry.getName().toUpperCase(Locale.ROOT);
                if (name.endsWith(".CLASS") || name.equals("META-INF/MANIFEST.MF")) {
                    return true;
                }
            }
            return false;
        } catch (IOException e) {
            return false;
        }
    }
}
