// The application behind the CORS configurations: a small JSON collection at /items that accepts the
// methods an API usually does. CORS is left entirely to the filter under test.
import java.io.IOException;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

public final class ItemsServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    private static void json(HttpServletResponse response, int status, String body) throws IOException {
        response.setStatus(status);
        response.setContentType("application/json");
        response.setHeader("X-Request-Id", "cors-conformance");
        response.getWriter().write(body);
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        json(response, 200, "{\"items\":[]}");
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        json(response, 201, "{\"created\":true}");
    }

    @Override
    protected void doPut(HttpServletRequest request, HttpServletResponse response) throws IOException {
        json(response, 200, "{\"updated\":true}");
    }

    @Override
    protected void doDelete(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setStatus(204);
    }
}
