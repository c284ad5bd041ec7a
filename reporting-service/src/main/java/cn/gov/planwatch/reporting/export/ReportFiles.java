package cn.gov.planwatch.reporting.export;

import org.springframework.context.annotation.Configuration;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpOutputMessage;
import org.springframework.http.MediaType;
import org.springframework.http.converter.AbstractHttpMessageConverter;
import org.springframework.http.converter.HttpMessageConverters;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.http.HttpInputMessage;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** The report as files: CSV (UTF-8 with a BOM, so Excel reads the Chinese) and XLSX, each as a download. */
@Configuration(proxyBeanMethods = false)
class ReportFiles implements WebMvcConfigurer {

    static final String CSV_VALUE = TabularReport.CSV;
    static final String XLSX_VALUE = TabularReport.XLSX;

    @Override
    public void configureMessageConverters(HttpMessageConverters.ServerBuilder builder) {
        ReportConverter csv = new ReportConverter(new MediaType("text", "csv", StandardCharsets.UTF_8), "csv") {
            @Override
            byte[] render(TabularReport report) {
                return CsvReport.write(report);
            }
        };
        // Names the charset in Content-Type even when the caller asked for plain text/csv.
        csv.setDefaultCharset(StandardCharsets.UTF_8);
        builder.addCustomConverter(csv);
        builder.addCustomConverter(new ReportConverter(MediaType.parseMediaType(XLSX_VALUE), "xlsx") {
            @Override
            byte[] render(TabularReport report) {
                return XlsxReport.write(report);
            }
        });
    }

    /** Writes a {@link TabularReport} in one file format, named {@code <its file name>.<extension>}. */
    abstract static class ReportConverter extends AbstractHttpMessageConverter<TabularReport> {

        private final String extension;

        ReportConverter(MediaType type, String extension) {
            super(type);
            this.extension = extension;
        }

        abstract byte[] render(TabularReport report);

        @Override
        protected boolean supports(Class<?> type) {
            return TabularReport.class.isAssignableFrom(type);
        }

        @Override
        protected boolean canRead(MediaType mediaType) {
            return false;
        }

        @Override
        protected TabularReport readInternal(Class<? extends TabularReport> type, HttpInputMessage input) {
            throw new HttpMessageNotReadableException("reports are written, never read", input);
        }

        @Override
        protected void writeInternal(TabularReport report, HttpOutputMessage output) throws IOException {
            byte[] file = render(report);
            output.getHeaders().setContentDisposition(ContentDisposition.attachment()
                    .filename(report.fileName() + "." + extension).build());
            output.getHeaders().setContentLength(file.length);
            output.getBody().write(file);
        }
    }
}
